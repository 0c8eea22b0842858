/** A setting the function cannot run without (its table, bucket, queue): fail at load, by name. */
export function requiredEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
}
