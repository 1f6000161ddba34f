/** "3 h", "2 d": how long ago, for lag and deploy times. */
export function age(iso: string | undefined, now: number = Date.now()): string {
  if (!iso) {
    return '';
  }
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.round(minutes / 60);
  if (hours < 48) {
    return `${hours} h`;
  }
  return `${Math.round(hours / 24)} d`;
}

/** `environment:default/staging` → `staging`. */
export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}
