let version = 0;

/**
 * Tells runners that what decides their plans has changed (an ORM was initialised, a provider or a
 * name hint registered), so plans are redone. A leaf module, so that anything may call it.
 */
export function plansChanged(): void {
  version += 1;
}

export function plansVersion(): number {
  return version;
}
