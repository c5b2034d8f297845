-- CreateTable
CREATE TABLE "LedgerVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL,

    CONSTRAINT "LedgerVersion_pkey" PRIMARY KEY ("id")
);


-- The ledger version: every transaction that inserts, updates or deletes a problem, a progress
-- report or a co-unit records its own transaction id in the one row, at commit (deferred row
-- triggers, the row written once per transaction), so a summary cached under a version is
-- never served after a change. TRUNCATE records it at once (statement triggers). Semicolons inside
-- the function are written as \073 (the migration runner splits at every semicolon).
CREATE FUNCTION "ledger_version_bump"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "LedgerVersion" ("id", "version") VALUES (1, pg_current_xact_id()::text::bigint) ON CONFLICT ("id") DO UPDATE SET "version" = EXCLUDED."version" WHERE "LedgerVersion"."version" IS DISTINCT FROM EXCLUDED."version"\073 RETURN NULL\073 END';

CREATE CONSTRAINT TRIGGER "problem_ledger_version" AFTER INSERT OR UPDATE OR DELETE ON "Problem"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_version_bump"();
CREATE TRIGGER "problem_ledger_version_truncate" AFTER TRUNCATE ON "Problem"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_version_bump"();

CREATE CONSTRAINT TRIGGER "progress_report_ledger_version" AFTER INSERT OR UPDATE OR DELETE ON "ProgressReport"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_version_bump"();
CREATE TRIGGER "progress_report_ledger_version_truncate" AFTER TRUNCATE ON "ProgressReport"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_version_bump"();

CREATE CONSTRAINT TRIGGER "problem_co_unit_ledger_version" AFTER INSERT OR UPDATE OR DELETE ON "ProblemCoUnit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_version_bump"();
CREATE TRIGGER "problem_co_unit_ledger_version_truncate" AFTER TRUNCATE ON "ProblemCoUnit"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_version_bump"();
