import { EntitySchema } from '@mikro-orm/core';

/**
 * A class named EnTwin described by an EntitySchema, beside the decorated EnTwin of
 * entity-names.mutation.spec.ts: two entity classes of one name, as two modules may have them.
 */
export function twinWithSize() {
  class EnTwin {
    id!: number;
    size!: number;
  }
  const schema = new EntitySchema<EnTwin>({
    class: EnTwin,
    tableName: 'en_twin_size',
    properties: { id: { type: 'number', primary: true }, size: { type: 'number' } },
  });
  return { EnTwin, schema };
}
