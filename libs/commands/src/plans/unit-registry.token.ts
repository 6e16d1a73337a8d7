/** The registry of units and collective names (各街镇 → its sub-districts) plans are imported with. */
export const UNIT_REGISTRY = Symbol('UNIT_REGISTRY');
