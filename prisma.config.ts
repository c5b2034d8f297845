import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { CatalogSafePool } from "./lib/pg-pool";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    // Offline commands (generate, migrate diff) build the adapter without ever connecting.
    const url = process.env.DATABASE_URL ?? "postgresql://offline@127.0.0.1:1/offline";
    return new PrismaPg(new CatalogSafePool({ connectionString: url }));
  },
});
