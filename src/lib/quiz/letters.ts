/** The letter a choice is shown with: 0 → "A", 1 → "B", … */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
