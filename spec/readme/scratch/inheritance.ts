// README "Factory inheritance": fields, traits, hooks and handlers inherited and overridden.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, Persist, Use, type Traits } from 'fixtory';
import { MemorySync } from '../support/memory.js';

class Employee {
  @Field() name!: string;
  @Field({ enum: ['staff', 'lead', 'director'] }) level!: string;
  @Field() team!: string;
  @Field() tags!: string;
}

@Factory(Employee)
@Persist(new MemorySync<Employee>())
class EmployeeFactory extends BaseFactory<Employee> {
  static traits = { lead: { overrides: { level: 'lead' } } } satisfies Traits<Employee>;
  @Use(() => 'Platform') team!: string;
  static afterBuild(employee: Employee): void {
    employee.tags = 'employee';
  }
}

// README block

const director = DirectorFactory.createSync({}, { traits: ['lead', 'board'] });
expect(director).to.include({ team: 'Board', tags: 'employee, director', level: 'lead' });
expect(DirectorFactory.build()).to.include({ level: 'director', team: 'Platform' });
