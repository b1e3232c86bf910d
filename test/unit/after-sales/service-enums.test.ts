import { JD_AFS_STEPS } from '../../../jd/protocol';
import {
  AfterSalesExpectation,
  AfterSalesStatus,
  AfterSalesStep,
  AfterSalesType,
  EXPECTATION_FOR_TYPE,
  JD_EXPECT_CODE,
  JD_TYPE_CODE,
  expectationFromJd,
  statusFromJd,
  stepFromJd,
  typeFromJd,
} from '../../../subgraphs/after-sales/service/service.enums';

describe('after-sales enum mappings', () => {
  it('maps afsApplyType 10/20/30 and back', () => {
    expect([10, 20, 30].map(typeFromJd)).toEqual(['RETURN', 'EXCHANGE', 'REPAIR']);
    for (const t of Object.values(AfterSalesType)) expect(typeFromJd(JD_TYPE_CODE[t])).toBe(t);
  });
  it('maps customerExpect 10/20/30 and back', () => {
    expect([10, 20, 30].map(expectationFromJd)).toEqual(['REFUND', 'EXCHANGE', 'REPAIR']);
    for (const e of Object.values(AfterSalesExpectation)) expect(expectationFromJd(JD_EXPECT_CODE[e])).toBe(e);
  });
  it('maps every serviceStatus', () => {
    expect([1, 2, 3, 4].map(statusFromJd)).toEqual([
      AfterSalesStatus.PENDING,
      AfterSalesStatus.IN_PROGRESS,
      AfterSalesStatus.COMPLETED,
      AfterSalesStatus.CANCELLED,
    ]);
  });
  it('maps every JD afsServiceStep to a distinct step', () => {
    const codes = Object.keys(JD_AFS_STEPS).map(Number);
    const steps = codes.map(stepFromJd);
    expect(new Set(steps).size).toBe(codes.length);
    expect(steps.length).toBe(Object.values(AfterSalesStep).length);
    expect(stepFromJd(21)).toBe(AfterSalesStep.CUSTOMER_SERVICE_REVIEW);
    expect(stepFromJd(40)).toBe(AfterSalesStep.AWAITING_USER_CONFIRMATION);
    expect(stepFromJd(60)).toBe(AfterSalesStep.CANCELLED);
  });
  it('refuses unknown JD codes instead of guessing', () => {
    expect(() => typeFromJd(40)).toThrow(/afsApplyType: 40/);
    expect(() => expectationFromJd(0)).toThrow(/customerExpect/);
    expect(() => statusFromJd(9)).toThrow(/serviceStatus/);
    expect(() => stepFromJd(11)).toThrow(/afsServiceStep/);
  });
  it("pairs each type with exactly one expectation (JD's after-sales guide)", () => {
    expect(EXPECTATION_FOR_TYPE).toEqual({ RETURN: 'REFUND', EXCHANGE: 'EXCHANGE', REPAIR: 'REPAIR' });
  });
});
