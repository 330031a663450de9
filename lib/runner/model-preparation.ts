import { nameOf } from '../errors.js';
import { providerMap } from '../generators/providers.js';
import { modelAdaptersVersion } from '../inspect/model-adapter.js';
import { inspectModelFields, type ModelFields } from '../inspect/model-fields.js';
import type { FactoryOptions } from '../registry/factory-options.js';
import type { Constructor } from '../types.js';
import { planBuild } from './build-plan.js';
import { fieldRecordFor } from './field-record.js';
import { instantiatorFor, type Instantiate } from './instantiate.js';
import { prepareVariants, VariantTurn, type PreparedModel, type PreparedVariants } from './model-variants.js';

/** What a runner derives from the model once, redone only when a model adapter or provider changes. */
interface Prepared<T> extends PreparedModel<T> {
  version: number;
  /** For a model of several concrete classes, each class's own preparation. */
  variants?: PreparedVariants<T>;
}

/**
 * A factory's plan (which generator serves each field) and way of making instances, derived from
 * what its adapter and declarations say of the model; for a model of several concrete classes
 * (single-table inheritance), one per class and the turn that picks the class of each instance.
 */
export class ModelPreparation<T> {
  private cached?: Prepared<T>;
  private readonly variantTurn = new VariantTurn();

  constructor(
    private readonly factory: Constructor | undefined,
    private readonly name: string,
    private readonly model: Constructor<T> | undefined,
    private readonly options: FactoryOptions<T>,
  ) {}

  /** The preparation of the model; given an instance's overrides, of the concrete class that instance is built as. */
  get(overrides?: Record<string, unknown>): PreparedModel<T> {
    const version = modelAdaptersVersion();
    if (this.cached?.version !== version) {
      const inspected = inspectModelFields(this.factory, this.model, this.name);
      const own = this.prepare(inspected, this.model);
      // Each concrete class is planned from its own fields, with this factory's declarations.
      const variants = prepareVariants(inspected.variants, this.model, own, (cls) => this.prepare(inspectModelFields(this.factory, cls as Constructor, this.name), cls as Constructor<T>));
      this.cached = { version, ...own, variants };
    }
    const { variants } = this.cached;
    if (!overrides || !variants) return this.cached;
    return this.variantTurn.pick(this.name, nameOf(this.model), variants, overrides);
  }

  /** Starts the turn of concrete classes again (a seeded factory repeats its classes too). */
  restartVariants(): void {
    this.variantTurn.restart();
  }

  private prepare(inspected: ModelFields, model: Constructor<T> | undefined): PreparedModel<T> {
    const plan = planBuild(inspected, {
      factory: this.name,
      model: model ? nameOf(model) : undefined,
      modelClass: model,
      allowNullOptionals: this.options.allowNullOptionals ?? true,
      optionalRelations: this.options.optionalRelations ?? 'null',
      useDefaults: this.options.useDefaults ?? false,
      providers: providerMap(this.options.providers),
    });
    const construct = (this.options.construct ?? inspected.instantiate) as Instantiate<T> | undefined;
    // A `construct` option, an adapter's instantiate and @PostGenerated/@Lazy functions see the values themselves.
    const newValues = fieldRecordFor(construct !== undefined || plan.postGenerated.length > 0);
    return { plan, instantiate: instantiatorFor(this.name, model, construct), newValues };
  }
}
