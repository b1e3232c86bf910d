import { deploymentMode, productionReason } from '../../../config';

const JD = 'https://api.jd.com/routerjson';

describe('deploymentMode', () => {
  it.each([
    // JD_API_URL     NODE_ENV        data       production
    [undefined, undefined, 'sandbox', false],
    [undefined, 'development', 'sandbox', false],
    [undefined, 'test', 'sandbox', false],
    [undefined, 'production', 'sandbox', true],
    [undefined, ' production ', 'sandbox', true],
    [undefined, 'Production', 'sandbox', false],
    ['', undefined, 'sandbox', false],
    ['   ', 'production', 'sandbox', true],
    [JD, undefined, 'jd', true],
    [JD, '', 'jd', true],
    [JD, 'development', 'jd', true],
    [JD, 'test', 'jd', true],
    [JD, 'production', 'jd', true],
    // Any non-blank value means "real JD": the JD client reports it if it is not a URL, and the safe side is production.
    ['not a url', undefined, 'jd', true],
  ] as const)('JD_API_URL=%j NODE_ENV=%j → %s data, production %s', (jdApiUrl, nodeEnv, data, production) => {
    expect(deploymentMode({ JD_API_URL: jdApiUrl, NODE_ENV: nodeEnv })).toEqual({ data, production });
  });

  it('never treats real JD data as development', () => {
    for (const NODE_ENV of [undefined, '', 'development', 'test', 'staging']) {
      expect(deploymentMode({ JD_API_URL: JD, NODE_ENV }).production).toBe(true);
    }
  });

  it('says why a mode is production, and nothing for development', () => {
    expect(productionReason({ data: 'jd', production: true })).toBe('JD_API_URL is set (real JD data)');
    expect(productionReason({ data: 'sandbox', production: true })).toBe('NODE_ENV=production');
    expect(productionReason({ data: 'sandbox', production: false })).toBeUndefined();
  });
});
