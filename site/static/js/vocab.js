// What the page tests values against, asked of the codec once at start
// (meta.vocab): severity names by number, the ICMP families and the field id
// of their header. The page knows no protocol number of its own.

let v = { severities: ['note'], families: [] };

export function setVocab(vocab) {
  v = vocab;
}

/** sevName names a codec/dissect.Severity number ("note", "warning", "error"). */
export function sevName(s) {
  return v.severities[s] || v.severities[0];
}

/** sevRank orders severities: their number, -1 for none. */
export function worstNote(n) {
  let w = -1;
  for (const x of n.notes || []) w = Math.max(w, x.severity);
  return w;
}

/** isICMPField reports whether a field id is an ICMP header or one of its fields. */
export function isICMPField(field) {
  if (!field) return false;
  return v.families.some((f) => field === f.field || field.startsWith(f.field + '.'));
}

/** isICMPHeader reports whether a field id is an ICMP header itself. */
export function isICMPHeader(field) {
  return v.families.some((f) => field === f.field);
}

/** family is the codec's description of an ICMP family number. */
export function family(n) {
  return v.families.find((f) => f.number === n);
}

export function families() {
  return v.families;
}
