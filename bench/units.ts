import { nationalRegistry } from '../bin/registry.js';

/** Nghệ An's units with a name of their own in the province: the bench's report authors. */
export const benchUnits = () =>
  nationalRegistry()
    .unitsOf('40')
    .filter((u, _, all) => all.filter((x) => x.name === u.name).length === 1);
