/**
 * The domain types this library produces. libs/domain has no public index yet, so they are
 * imported by path here, in one place: switch this file to '@duty-ledger/domain' once it exports them.
 */
export type {
  PlanDraft,
  SectionDraft,
  TaskDraft,
  TargetDraft,
  UnitRef,
  UnitRegistry,
} from '../../domain/src/model/plan-draft';
export type { Comparator, MeasureKind, TargetKind } from '../../domain/src/model/target-terms';
