// The total follows its input, as a total of 三 follows its cells.
const input = document.querySelector<HTMLInputElement>('input[data-cell]')!;
const total = document.querySelector('span[data-cell]')!.firstChild as Text;
input.addEventListener('input', () => {
  const value = Number(input.value);
  total.nodeValue = String(Number.isInteger(value) && value >= 0 ? value : 0);
});
input.addEventListener('focus', () => input.select());
