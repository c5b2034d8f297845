/** Module resolve hook: `typescript` imported by a Stryker package → `typescript-5.9`. */
const STRYKER = "/node_modules/@stryker-mutator/";

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "typescript" && context.parentURL?.includes(STRYKER)) {
    return nextResolve("typescript-5.9", context);
  }
  return nextResolve(specifier, context);
}
