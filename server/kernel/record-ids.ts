// How records are numbered: a letter for the kind and a zero-padded sequence number. Stores assign the sequence;
// the format is shared so every store writes, and every reader expects, the same ids.

/** 'I0000123': an incident (and the case it becomes). */
export const incidentId = (n: number): string => `I${String(n).padStart(7, '0')}`

/** 'G0001': a vendor guidance point. */
export const guidancePointId = (n: number): string => `G${String(n).padStart(4, '0')}`

/** 'M001': a rectification measure. */
export const measureId = (n: number): string => `M${String(n).padStart(3, '0')}`

/** A zone id: the demo's '001', or an imported district's own code ('510104001', 'QX-07'): letters, digits, . _ - */
export const ZONE_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/
