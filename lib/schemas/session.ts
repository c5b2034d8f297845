import { z } from "zod";
import { isStorableText } from "./common";

export const signInSchema = z
  .strictObject({
    username: z.string().trim().min(1, "v.required").max(100).refine(isStorableText, "v.invalidText"),
    // No trimming or truncation: the password is checked exactly as typed (max 128).
    password: z.string().min(1, "v.required").max(128),
  })
  .meta({ id: "SignIn" });
export type SignInInput = z.output<typeof signInSchema>;

export const sessionTokenSchema = z
  .object({ token: z.string(), expiresAt: z.string().meta({ format: "date-time" }) })
  .meta({ id: "SessionToken" });
