export {
  accuracyOf,
  type SyntheticModel,
  type SyntheticModelsOptions,
  seededRandom,
  seedSyntheticModels,
  synthesisePredictions,
} from './seed-synthetic-models.ts';
