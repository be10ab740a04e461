export const one = (a: object) => ({ ...a, key: 1 });
export const two = (a: object, b: object) => ({ ...a, ...b });
export const fine = (a: object, b: object) => [{ key: 1, ...a, other: 2, ...b }, { ...a }, Object.assign({}, a, { key: 1 })];
