import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Runs the Prisma CLI without letting it fetch native engines: the JS schema engine and the
 * client engine need none, but the CLI looks for them unless pointed at a placeholder file.
 */
export function prismaEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const placeholder = path.resolve(".data", "no-native-engine");
  if (!existsSync(placeholder)) {
    mkdirSync(path.dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, "");
  }
  return {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

export function runPrisma(args: string[], databaseUrl?: string, opts: { capture?: boolean } = {}): string {
  const bin = path.resolve("node_modules", ".bin", "prisma");
  const r = spawnSync(bin, args, {
    env: prismaEnv(databaseUrl),
    stdio: opts.capture ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
  if (r.status !== 0) {
    const detail = opts.capture ? `\n${r.stdout}\n${r.stderr}` : "";
    throw new Error(`prisma ${args.join(" ")} failed (exit ${r.status})${detail}`);
  }
  return r.stdout ?? "";
}
