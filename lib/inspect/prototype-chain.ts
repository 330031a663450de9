/** The prototypes of a class and its ancestors, ancestors first, without Object.prototype. */
export function prototypeChain(cls: Function): object[] {
  const chain: object[] = [];
  for (let proto = cls.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    chain.unshift(proto);
  }
  return chain;
}
