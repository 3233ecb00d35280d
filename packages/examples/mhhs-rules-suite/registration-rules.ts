// Business rules of the Registration Service, as the MHHS example states them (illustrative).

const MPAN_PRIMES = [3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43];

/** True when a 13-digit MPAN core has the right check digit (the industry's prime-weighted modulus 11). */
export function validMpan(core: string): boolean {
  if (!/^\d{13}$/.test(core)) return false;
  const sum = MPAN_PRIMES.reduce((total, prime, i) => total + prime * Number(core[i]), 0);
  return (sum % 11) % 10 === Number(core[12]);
}

/** An appointment request is accepted only from the registered Supplier (REQ-REGS-002). */
export function acceptAppointment(
  registeredSupplier: string,
  requestingSupplier: string,
): 'accepted' | 'rejected' {
  return registeredSupplier === requestingSupplier ? 'accepted' : 'rejected';
}

/** Energisation status as REGS records it (REQ-REGS-011). */
export function energisationStatus(code: string): 'energised' | 'de-energised' | undefined {
  return code === 'E' ? 'energised' : code === 'D' ? 'de-energised' : undefined;
}

/**
 * A UK postcode in the nine-line address (REQ-REGS-018). This example implementation has a known
 * defect, left in on purpose so the test-trace report shows a failing test: it rejects lower case.
 */
export function validPostcode(postcode: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(postcode.trim());
}

/** Updates must be processed within 30 minutes of receipt (REQ-REGS-020). */
export function withinProcessingTime(receivedIso: string, processedIso: string): boolean {
  return Date.parse(processedIso) - Date.parse(receivedIso) <= 30 * 60 * 1000;
}
