import 'reflect-metadata';
import { expect } from 'chai';
import type { EntityManager } from "@mikro-orm/sqlite";
import { defineEntity, p, type InferEntity } from "@mikro-orm/core";
import { BaseFactory, ConfigurationException, Factory, MikroOrmPersistence, Persist, ParameterException, forgetMikroOrms, useMikroOrm } from 'fixtory';
import { expectRejects, expectThrows } from '../support/expect-error.js';
import {
  AccountSettings, Enrollment, Parcel, Poster, Truck, Vehicle, Badge, Cat, Contractor, Dog, Employee, ExchangeRate, Gadget, GadgetSchema, Manager, Money, PetKind, PetOwner, Staff, Ticket, Tool, entityKinds,
} from './support/entity-kinds.js';
import { openTestDatabase, type TestDatabase } from './support/orm.js';

@Factory(Staff)
@Persist(MikroOrmPersistence)
class StaffFactory extends BaseFactory<Staff> {}

@Factory(Employee)
@Persist(MikroOrmPersistence)
class EmployeeFactory extends BaseFactory<Employee> {}

@Factory(Manager)
@Persist(MikroOrmPersistence)
class ManagerFactory extends BaseFactory<Manager> {}

@Factory(Contractor)
@Persist(MikroOrmPersistence)
class ContractorFactory extends BaseFactory<Contractor> {}

@Factory(Vehicle)
@Persist(MikroOrmPersistence)
class VehicleFactory extends BaseFactory<Vehicle> {}

@Factory(Badge)
@Persist(MikroOrmPersistence)
class BadgeFactory extends BaseFactory<Badge> {}

// Other specs declare factories of Gadget too: this one builds the gadget a Tool needs.
@Factory(GadgetSchema, { default: true })
@Persist(MikroOrmPersistence)
class GadgetFactory extends BaseFactory<Gadget> {}

@Factory(Tool)
@Persist(MikroOrmPersistence)
class ToolFactory extends BaseFactory<InferEntity<typeof Tool>> {}

@Factory(ExchangeRate)
@Persist(MikroOrmPersistence)
class RateFactory extends BaseFactory<ExchangeRate> {}

@Factory(PetOwner)
@Persist(MikroOrmPersistence)
class PetOwnerFactory extends BaseFactory<PetOwner> {}

@Factory(Ticket)
@Persist(MikroOrmPersistence)
class TicketFactory extends BaseFactory<Ticket> {}

@Factory(Enrollment)
@Persist(MikroOrmPersistence)
class EnrollmentFactory extends BaseFactory<Enrollment> {}

@Factory(AccountSettings)
@Persist(MikroOrmPersistence)
class AccountSettingsFactory extends BaseFactory<AccountSettings> {}

@Factory(Parcel)
@Persist(MikroOrmPersistence)
class ParcelFactory extends BaseFactory<Parcel> {}

const roles = new Map<Function, string>([[Employee, 'employee'], [Manager, 'manager'], [Contractor, 'contractor']]);

describe('MikroORM: entity kinds with zero field declarations', function () {
  this.timeout(60_000);
  let db: TestDatabase;

  before(async () => {
    db = await openTestDatabase({ entities: entityKinds });
    useMikroOrm(db.orm);
  });
  after(() => db.close());

  const fresh = () => db.orm.em.fork() as EntityManager;

  describe('single-table inheritance', () => {
    it('a factory of a subclass writes rows of that subclass, its own required columns filled', async () => {
      const managers = await ManagerFactory.createBatchAsync(20);
      const rows = await db.sql<{ id: number; role: string; salary: number | null; budget: string | null; reports: number | null }>(
        `select id, role, salary, budget, reports from staff where id in (${managers.map((m) => m.id).join(',')})`,
      );
      expect(rows).to.have.length(20);
      for (const row of rows) {
        expect(row.role).to.equal('manager');
        expect(row.salary).to.be.a('number');
        expect(row.budget).to.not.equal(null);
        expect(row.reports).to.be.a('number');
      }
      const read = await fresh().find(Staff, { id: managers.map((m) => m.id) });
      expect(read.every((s) => s instanceof Manager)).to.equal(true);
    });

    it('a factory of a class with a subclass writes its own class only', async () => {
      const employees = await EmployeeFactory.createBatchAsync(20);
      expect(employees.every((e) => e.constructor === Employee)).to.equal(true);
      const rows = await db.sql<{ role: string; reports: number | null }>(`select role, reports from staff where id in (${employees.map((e) => e.id).join(',')})`);
      expect(rows.map((r) => r.role)).to.deep.equal(Array(20).fill('employee'));
      expect(rows.every((r) => r.reports === null)).to.equal(true);
      const contractors = await ContractorFactory.createBatchAsync(20);
      const agencies = await db.sql<{ role: string; agency: string | null }>(`select role, agency from staff where id in (${contractors.map((e) => e.id).join(',')})`);
      expect(agencies.every((r) => r.role === 'contractor' && typeof r.agency === 'string' && r.agency.length > 0)).to.equal(true);
    });

    it('a factory of the abstract root rotates through the concrete classes, each with its columns and discriminator', async () => {
      const staff = await StaffFactory.createBatchAsync(20);
      expect(new Set(staff.map((s) => s.constructor))).to.deep.equal(new Set([Employee, Manager, Contractor]));
      const rows = await db.sql<{ id: number; role: string; salary: number | null; agency: string | null; reports: number | null }>(
        `select id, role, salary, agency, reports from staff where id in (${staff.map((s) => s.id).join(',')})`,
      );
      for (const row of rows) {
        const entity = staff.find((s) => s.id === row.id)!;
        expect(row.role, `row ${row.id}`).to.equal(roles.get(entity.constructor));
        if (row.role === 'contractor') expect(row.agency).to.be.a('string');
        else expect(row.salary).to.be.a('number');
        if (row.role === 'manager') expect(row.reports).to.be.a('number');
      }
    });

    it('the discriminator given as an override picks the class; an unknown value is a ParameterException', async () => {
      const built = StaffFactory.batch(5, { role: 'contractor' });
      expect(built.every((s) => s instanceof Contractor && (s as Contractor).agency.length > 0)).to.equal(true);
      expectThrows(() => StaffFactory.build({ role: 'intern' }), ParameterException, 'StaffFactory', 'Staff.role', 'intern', 'contractor, employee, manager');
      // Staff's type has no subclass columns; given anyway (a cast, JavaScript), they choose among the classes that have them.
      expect(StaffFactory.batch(4, { reports: 3 } as never).map((s) => s.constructor)).to.deep.equal([Manager, Manager, Manager, Manager]);
      expect(StaffFactory.batch(4, { salary: 10 } as never).every((s) => s instanceof Employee)).to.equal(true);
      expectThrows(() => StaffFactory.build({ reports: 3, agency: 'Acme' } as never), ParameterException, 'no concrete class of Staff has all of reports, agency');
    });

    it('a factory of a concrete root builds the root itself in turn, without its subclasses\' columns', async () => {
      const vehicles = await VehicleFactory.createBatchAsync(20);
      const rows = await db.sql<{ id: number; type: string; payload: number | null }>(
        `select id, type, payload from vehicle where id in (${vehicles.map((v) => v.id).join(',')})`,
      );
      expect(rows).to.have.length(20);
      for (const row of rows) {
        const entity = vehicles.find((v) => v.id === row.id)!;
        expect(row.type).to.equal(entity instanceof Truck ? 'truck' : 'vehicle');
        expect(row.payload === null).to.equal(!(entity instanceof Truck));
        if (!(entity instanceof Truck)) expect(entity, 'a Vehicle holds no payload the row lacks').not.to.have.property('payload');
      }
      expect(rows.filter((r) => r.type === 'vehicle')).to.have.length(10);
    });

    it('before useMikroOrm too (built with new), a root instance holds none of its subclasses\' columns', () => {
      forgetMikroOrms();
      try {
        const built = VehicleFactory.batch(6);
        expect(built.filter((v) => v instanceof Truck).every((t) => typeof (t as Truck).payload === 'number')).to.equal(true);
        for (const vehicle of built.filter((v) => !(v instanceof Truck))) expect(vehicle).not.to.have.property('payload');
        expect(built.filter((v) => !(v instanceof Truck))).to.have.length(3);
      } finally {
        useMikroOrm(db.orm);
      }
    });

    it('a required reference to the abstract root gets a concrete row (FK never null)', async () => {
      const badges = await BadgeFactory.createBatchAsync(20);
      const rows = await db.sql<{ holder_id: number | null; role: string | null }>(
        `select b.holder_id, s.role from badge b left join staff s on s.id = b.holder_id where b.id in (${badges.map((b) => b.id).join(',')})`,
      );
      expect(rows).to.have.length(20);
      expect(rows.every((r) => r.holder_id !== null && ['employee', 'manager', 'contractor'].includes(r.role!))).to.equal(true);
    });
  });

  describe('EntitySchema and defineEntity', () => {
    it('creates entities of a schema with a class, values read back equal', async () => {
      const gadgets = await GadgetFactory.createBatchAsync(20);
      expect(gadgets.every((g) => g instanceof Gadget && typeof g.id === 'number')).to.equal(true);
      const read = await fresh().find(Gadget, {}, { orderBy: { id: 'asc' } });
      for (const g of gadgets) {
        const back = read.find((r) => r.id === g.id)!;
        expect({ label: back.label, weight: back.weight }).to.deep.equal({ label: g.label, weight: g.weight });
        expect(g.weight).to.be.a('number').below(10_000);
      }
    });

    it('creates entities of a defineEntity schema (no class), with their required reference', async () => {
      const tools = await ToolFactory.createBatchAsync(20);
      const rows = await db.sql<{ id: number; name: string; price: string; gadget_id: number | null }>(
        `select id, name, price, gadget_id from tool where id in (${tools.map((t) => t.id).join(',')})`,
      );
      expect(rows).to.have.length(20);
      for (const row of rows) {
        const tool = tools.find((t) => t.id === row.id)!;
        expect(row.name).to.equal(tool.name);
        expect(Number(row.price)).to.equal(Number(tool.price));
        expect(row.gadget_id).to.not.equal(null);
      }
    });
  });

  describe('the model argument of @Factory', () => {
    it('takes a schema, the class it describes or the entity name after MikroORM.init too', () => {
      @Factory(GadgetSchema)
      class LateGadgetFactory extends BaseFactory<Gadget> {}
      @Factory<Gadget>('Gadget')
      class NamedGadgetFactory extends BaseFactory<Gadget> {}
      @Factory<Manager>('Manager')
      class NamedManagerFactory extends BaseFactory<Manager> {}
      @Factory<InferEntity<typeof Tool>>('Tool')
      class NamedToolFactory extends BaseFactory<InferEntity<typeof Tool>> {}
      expect(LateGadgetFactory.build()).to.be.instanceOf(Gadget);
      expect(NamedGadgetFactory.build().label).to.be.a('string');
      expect(NamedManagerFactory.build()).to.be.instanceOf(Manager);
      expect(NamedToolFactory.build().gadget).to.be.instanceOf(Gadget);
    });

    it('builds a class-less schema first seen after its ORM was initialised, as that ORM builds it', async () => {
      const Lamp = defineEntity({ name: 'Lamp', properties: { id: p.integer().primary(), watts: p.smallint(), label: p.string().length(20) } });
      const own = await openTestDatabase({ entities: [Lamp] });
      try {
        @Factory(Lamp)
        class LampFactory extends BaseFactory<InferEntity<typeof Lamp>> {}
        LampFactory.setPersistence(new MikroOrmPersistence(own.orm));
        const lamps = await LampFactory.createBatchAsync(20);
        const rows = await own.sql<{ id: number; watts: number; label: string }>('select id, watts, label from lamp');
        expect(rows.map((r) => [r.id, r.watts, r.label])).to.deep.equal(lamps.map((l) => [l.id, l.watts, l.label]));
      } finally {
        await own.close();
        useMikroOrm(db.orm);
      }
    });
  });

  describe('readonly entities', () => {
    it('build works; create is a ConfigurationException and writes nothing', async () => {
      const rate = RateFactory.build();
      expect(rate).to.be.instanceOf(ExchangeRate);
      expect(rate.currency).to.have.length.within(1, 3);
      await expectRejects(RateFactory.createBatchAsync(3), ConfigurationException, 'ExchangeRate', 'readonly', 'build()');
      await expectRejects(RateFactory.createAsync(), ConfigurationException, 'readonly');
      expect(await db.sql('select * from exchange_rate')).to.have.length(0);
    });
  });

  describe('polymorphic embeddables', () => {
    it('inline, object and array modes each hold one of the listed classes, its discriminator set, fields generated; read back equal', async () => {
      const owners = await PetOwnerFactory.createBatchAsync(20);
      const all = owners.flatMap((o) => [o.pet, o.favourite, ...o.pets]);
      expect(all.every((pet) => pet instanceof Cat || pet instanceof Dog)).to.equal(true);
      expect(new Set(all.map((pet) => pet.constructor))).to.deep.equal(new Set([Cat, Dog]));
      for (const pet of all) {
        expect(pet.kind).to.equal(pet instanceof Cat ? PetKind.Cat : PetKind.Dog);
        expect(pet.petName).to.be.a('string').with.length.within(1, 30);
        if (pet instanceof Cat) expect(pet.lives).to.be.a('number');
        else expect((pet as Dog).goodBoy).to.be.a('boolean');
      }
      const read = await fresh().find(PetOwner, { id: owners.map((o) => o.id) });
      const plain = (o: PetOwner) => JSON.parse(JSON.stringify({ pet: o.pet, favourite: o.favourite, pets: o.pets, kinds: [o.pet, o.favourite, ...o.pets].map((x) => x.constructor.name) }));
      for (const owner of owners) expect(plain(read.find((r) => r.id === owner.id)!)).to.deep.equal(plain(owner));
    });
  });

  describe('custom Types', () => {
    it('keeps values the entity sets itself, derives a round-tripping Type, leaves an underivable nullable one null', async () => {
      const tickets = await TicketFactory.createBatchAsync(20);
      expect(new Set(tickets.map((t) => t.id)).size).to.equal(20);
      const read = await fresh().find(Ticket, { id: tickets.map((t) => t.id) });
      expect(read).to.have.length(20);
      for (const ticket of tickets) {
        const back = read.find((r) => r.id === ticket.id)!;
        expect(ticket.price).to.be.instanceOf(Money);
        expect(back.price).to.deep.equal(ticket.price);
        expect(back.seat).to.deep.equal({ x: 1, y: 2 });
        expect(back.gate).to.equal(null);
        expect(back.flavour).to.equal(null);
      }
    });

    it('keeps a custom-typed value the constructor sets', async () => {
      @Factory('Poster')
      class PosterFactory extends BaseFactory<Poster> {}
      PosterFactory.setPersistence(MikroOrmPersistence);
      const posters = await PosterFactory.createBatchAsync(20);
      const rows = await db.sql<{ corner: string }>(`select corner from poster where id in (${posters.map((p) => p.id).join(',')})`);
      expect(rows.map((r) => r.corner)).to.deep.equal(Array(20).fill('3,4'));
    });
  });

  describe('keys and columns that keep working', () => {
    it('a composite-key pivot entity gets both references (FKs never null)', async () => {
      const enrollments = await EnrollmentFactory.createBatchAsync(20);
      const rows = await db.sql<{ course_id: number | null; student_id: number | null; grade: number }>('select course_id, student_id, grade from enrollment');
      expect(rows).to.have.length(20);
      expect(rows.every((r) => r.course_id !== null && r.student_id !== null)).to.equal(true);
      const read = await fresh().find(Enrollment, {}, { populate: ['course', 'student'] });
      for (const e of enrollments) {
        const back = read.find((r) => r.course.id === e.course.id && r.student.id === e.student.id)!;
        expect(back.grade).to.equal(e.grade);
        expect(back.course.title).to.equal(e.course.title);
      }
    });

    it('a one-to-one primary key gets its own new row', async () => {
      await AccountSettingsFactory.createBatchAsync(20);
      const rows = await db.sql<{ account_id: number | null; login: string | null }>(
        'select s.account_id, a.login from account_settings s left join account a on a.id = s.account_id',
      );
      expect(rows).to.have.length(20);
      expect(new Set(rows.map((r) => r.account_id)).size).to.equal(20);
      expect(rows.every((r) => r.account_id !== null && typeof r.login === 'string')).to.equal(true);
    });

    it('leaves generated columns to the database and fills an embeddable relation', async () => {
      const parcels = await ParcelFactory.createBatchAsync(20);
      const rows = await db.sql<{ id: number; weight: number; doubled: number; shipping_courier_id: number | null }>(
        `select id, weight, doubled, shipping_courier_id from parcel where id in (${parcels.map((p) => p.id).join(',')})`,
      );
      expect(rows).to.have.length(20);
      for (const row of rows) {
        expect(row.doubled).to.equal(row.weight * 2);
        expect(row.shipping_courier_id).to.not.equal(null);
      }
    });
  });
});
