-- DropIndex
DROP INDEX "Problem_escalation_idx";


-- Room on every page for the daily job's rewrites of progress and escalation, which change no indexed column and so can stay on their page (HOT). Applies to pages written from now on (all of them after a VACUUM FULL)
ALTER TABLE "Problem" SET (fillfactor = 90);
