import { describe, expect, test } from 'vitest';
import {
  acceptAppointment,
  energisationStatus,
  validMpan,
  validPostcode,
  withinProcessingTime,
} from './registration-rules.js';

describe('Registration Service', () => {
  describe('MPAN check digit', () => {
    test('accepts MPANs with a correct check digit', () => {
      expect(validMpan('1200023305967')).toBe(true);
      expect(validMpan('1200023305968')).toBe(false);
      expect(validMpan('12000233059')).toBe(false);
    });
  });

  test('appointments are accepted only from the registered Supplier [TC-REGS-002]', () => {
    expect(acceptAppointment('SUPA', 'SUPA')).toBe('accepted');
    expect(acceptAppointment('SUPA', 'SUPB')).toBe('rejected');
  });

  test('energisation status codes are recorded [TC-REGS-003]', () => {
    expect(energisationStatus('E')).toBe('energised');
    expect(energisationStatus('D')).toBe('de-energised');
    expect(energisationStatus('X')).toBeUndefined();
  });

  test('the nine-line address takes a postcode as a person types it [TC-REGS-004]', () => {
    expect(validPostcode('SW1A 1AA')).toBe(true);
    expect(validPostcode('sw1a 1aa')).toBe(true);
  });

  test('updates are processed within 30 minutes [TC-REGS-005]', () => {
    expect(withinProcessingTime('2025-04-01T10:00:00Z', '2025-04-01T10:29:59Z')).toBe(true);
    expect(withinProcessingTime('2025-04-01T10:00:00Z', '2025-04-01T10:30:01Z')).toBe(false);
  });
});
