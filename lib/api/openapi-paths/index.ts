/**
 * OpenAPI path groups by area. Each file exports a function returning its `paths` entries
 * (built with the helpers in ./helpers); add one line here per area.
 */
import { adminPaths } from "./admin";
import { bottomLinePaths } from "./bottom-line";
import { closurePaths } from "./closure";
import { enforcementPaths } from "./enforcement";
import { evidencePaths } from "./evidence";
import { extensionPaths } from "./extensions";
import { findingPaths } from "./findings";
import { indicatorPaths } from "./indicators";
import { measurePaths } from "./measures";
import { notificationPaths } from "./notifications";
import { offsitePaths } from "./offsite";
import { penaltyPaths } from "./penalties";
import { publishedListPaths } from "./published-lists";
import { reflectionPaths } from "./reflection";
import { reportPaths } from "./reports";
import { sectionPaths } from "./sections";
import { workPaths } from "./work";
import { workflowPaths } from "./workflow";

export type PathsBuilder = () => Record<string, unknown>;

export const AREA_PATHS: PathsBuilder[] = [
  indicatorPaths,
  workPaths,
  measurePaths,
  reportPaths,
  extensionPaths,
  workflowPaths,
  notificationPaths,
  closurePaths,
  evidencePaths,
  publishedListPaths,
  penaltyPaths,
  findingPaths,
  adminPaths,
  sectionPaths,
  reflectionPaths,
  enforcementPaths,
  offsitePaths,
  bottomLinePaths,
];
