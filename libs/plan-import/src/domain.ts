/** The domain types this library produces, in one place. Type-only: no domain code is loaded. */
export type {
  Comparator,
  MeasureKind,
  PlanDraft,
  SectionDraft,
  TargetDraft,
  TargetKind,
  TaskDraft,
  UnitRef,
  UnitRegistry,
} from '@duty-ledger/domain';
