/**
 * Hands results that arrive in any order to `deliver` in the order of their indexes: each as soon as
 * it and every one before it have arrived, each once. Returns the function to give a result to.
 *
 * @example
 * const put = inFileOrder<string>(2, (value, index) => seen.push(`${index}:${value}`));
 * put(1, 'b'); // nothing yet
 * put(0, 'a'); // delivers 0:a, then 1:b
 */
export function inFileOrder<T>(
  count: number,
  deliver: (value: T, index: number) => void,
): (index: number, value: T) => void {
  const waiting: (T | undefined)[] = new Array(count);
  const arrived = new Uint8Array(count);
  let next = 0;
  return (index, value) => {
    if (index < next || arrived[index] === 1) return;
    arrived[index] = 1;
    waiting[index] = value;
    while (next < count && arrived[next] === 1) {
      const ready = waiting[next] as T;
      waiting[next] = undefined;
      deliver(ready, next++);
    }
  };
}
