/**
 * OpenAPI path groups by area. Each file exports a function returning its `paths` entries
 * (built with the helpers in ./helpers); add one line here per area.
 */
import { indicatorPaths } from "./indicators";

export type PathsBuilder = () => Record<string, unknown>;

export const AREA_PATHS: PathsBuilder[] = [indicatorPaths];
