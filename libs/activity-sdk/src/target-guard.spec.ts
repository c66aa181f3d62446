import { forbiddenAddress, forbiddenHostname } from './target-guard';

describe('target guard', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.9.9.9', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['169.254.169.254', 'a link-local address (where cloud metadata services live)'],
    ['fe80::1', 'a link-local address'],
    ['10.0.0.8', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.168.1.1', 'a private address'],
    ['fd00:ec2::254', 'a private address'],
    ['100.100.100.200', 'a shared (carrier-grade NAT) address'],
    ['0.0.0.0', 'an unspecified address'],
    ['::', 'an unspecified address'],
    ['224.0.0.1', 'a multicast address'],
    ['255.255.255.255', 'a reserved address'],
  ])('forbids %s as %s', (address, why) => {
    expect(forbiddenAddress(address)).toBe(why);
  });

  it.each(['93.184.215.14', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'lets public %s through',
    (address) => {
      expect(forbiddenAddress(address)).toBeNull();
    },
  );

  it('judges names before any lookup only when they are localhost or IP literals', () => {
    expect(forbiddenHostname('localhost')).toBe('a loopback address');
    expect(forbiddenHostname('api.LOCALHOST.')).toBe('a loopback address');
    expect(forbiddenHostname('[::1]')).toBe('a loopback address');
    expect(forbiddenHostname('hooks.example.com')).toBeNull();
  });
});
