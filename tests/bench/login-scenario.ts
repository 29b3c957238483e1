// The control-API benchmark's world: n SMS users, each with a phone of its own, so every client logs in as itself.

export const BENCH_PASSWORD = 'Bench1234';

export const benchUser = (i: number): string => `bench${String(i + 1).padStart(2, '0')}`;

/** Scenario YAML with `n` SMS users (bench01…) and their phones, loaded through POST /control/scenario. */
export function benchScenarioYaml(n: number): string {
  const lines = [
    'name: bench-logins',
    'title: Benchmark logins',
    `description: ${n} SMS users, each with a phone of its own, for the control API benchmark.`,
    'seed: bench',
    'phones:',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - { id: bench-phone-${i + 1}, name: Phone ${i + 1}, platform: ios, model: iPhone 15, number: "+1312555${String(1000 + i)}", carrier: Verizon, region: US, unlock: faceid }`,
    );
  }
  lines.push('users:');
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - username: ${benchUser(i)}`,
      `    password: ${BENCH_PASSWORD}`,
      '    region: US',
      `    mobile: { number: "+1312555${String(1000 + i)}", verified: true }`,
      '    devices:',
      '      - { id: sms, kind: sms }',
    );
  }
  return `${lines.join('\n')}\n`;
}
