-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_clueId_fkey" FOREIGN KEY ("clueId") REFERENCES "Clue"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clue" ADD CONSTRAINT "Clue_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

