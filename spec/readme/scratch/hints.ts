// README "Name hints": a registered hint applies to every field whose name has its words.
import 'reflect-metadata';
import { expect } from 'chai';
import { BaseFactory, Factory, Field, registerHint } from 'fixtory';

class Product {
  @Field() productSku!: string;
}
@Factory(Product)
class ProductFactory extends BaseFactory<Product> {}

// README block

for (const product of ProductFactory.batch(5)) expect(product.productSku).to.match(/^SKU-\d{6}$/);
