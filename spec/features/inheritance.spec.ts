import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Persist, Use, type Traits } from 'fixtory';
import { MemorySync } from '../support/memory-persistence.js';

class Employee {
  @Field() name!: string;
  @Field({ enum: ['staff', 'lead', 'director'] }) level!: string;
  @Field() team!: string;
  @Field() tags!: string;
}

const store = new MemorySync<Employee>();

@Factory(Employee, { locale: 'de', allowNullOptionals: false })
@Persist(store)
class EmployeeFactory extends BaseFactory<Employee> {
  static traits = { lead: { overrides: { level: 'lead' } } } satisfies Traits<Employee>;
  @Use(() => 'Platform') team!: string;
  static afterBuild(employee: Employee): void {
    employee.tags = 'employee';
  }
}

@Factory(Employee)
class DirectorFactory extends EmployeeFactory {
  static override traits = { ...EmployeeFactory.traits, board: { overrides: { team: 'Board' } } } satisfies Traits<Employee>;
  @Use(() => 'director') level!: string;
  static override afterBuild(employee: Employee): void {
    super.afterBuild(employee);
    employee.tags += ', director';
  }
}

describe('factory inheritance', () => {
  it('inherits fields, traits, hooks, options and handlers, and overrides each', () => {
    const director = DirectorFactory.createSync({}, { traits: ['lead', 'board'] });
    expect(director).to.include({ team: 'Board', tags: 'employee, director' });
    expect(director.level).to.equal('lead'); // a trait beats a field generator
    expect(DirectorFactory.build().level).to.equal('director');
    expect(DirectorFactory.build({}, { traits: ['board'] }).team).to.equal('Board');
    expect(DirectorFactory.build().team).to.equal('Platform');
    expect(store.rows.at(-1)).to.equal(director);
  });

  it('inherits the parent’s options (its faker locale here)', async () => {
    const { FactoryRunner } = await import('fixtory');
    expect(FactoryRunner.of(DirectorFactory).faker).to.equal(FactoryRunner.of(EmployeeFactory).faker);
  });
});
