export { createLegacyReplica } from './handler.js';
export {
  formOfKind,
  guichetOfShape,
  LEGACY_DEMO_PLANNINGS,
  LEGACY_FORMS,
  legacyForm,
  slotsFor,
  type DemoPlanning,
  type FormKind,
  type ReplicaForm,
  type ReplicaGuichet,
  type SlotShape,
} from './scenarios.js';
