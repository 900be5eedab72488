export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`fbs-playbook (not yet built) ${argv.join(" ")}\n`);
  return 0;
}
