import type { SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

/** prisma.config.ts `tables.external` / `enums.external`: Tenfold manages every table itself. */
export const NO_EXTERNAL_ENTITIES: SchemaFilter = { externalTables: [], externalEnums: [] };
