export { parsePlanText } from './parse-plan-text';
export type { ParsePlanOptions, ParseResult, Unclassified } from './parse-result';
export { parseUnitClause, splitUnitClause, type UnitAssignment } from './unit-clause';
export { isCollectiveUnit, splitUnitList } from './unit-names';
export { extractTargets, type TargetContext, type TargetExtraction } from './targets';
export { unknownUnits } from './registry-check';
export { readSeedPlan, readUnitRegistry, SEED_PLAN_FILE, UNIT_REGISTRY_FILE } from './seed-files';
