// Types of electron-binary.mjs, for the unit tests and the Electron end-to-end tests.
export declare const projectRoot: string;
export declare const electronPackageDir: string;

export interface BinaryFs {
  existsSync(file: string): boolean;
  readFileSync(file: string, encoding: 'utf8'): string;
}
export declare function findElectronBinary(options?: { packageDir?: string; env?: NodeJS.ProcessEnv; fs?: BinaryFs }): string | null;
export declare function firstErrorLine(output: unknown): string | null;

export type InstallResult = { ok: true; reason: null } | { ok: false; reason: string };
export declare function runElectronInstaller(options?: {
  packageDir?: string;
  env?: NodeJS.ProcessEnv;
  spawn?: (command: string, args: string[], options: object) => { error?: Error; status: number | null; stdout?: string; stderr?: string };
  timeoutMs?: number;
}): InstallResult;

export declare function wrap(text: string, width?: number): string;
export declare function webCommand(args?: string[]): string;
export declare function explainMissingElectron(reason: string | null, version?: string | null, args?: string[]): string;

export type EnsureResult = { ok: true; path: string } | { ok: false; message: string };
export declare function ensureElectronBinary(options?: { find?: () => string | null; install?: () => InstallResult; log?: (message: string) => void; args?: string[] }): EnsureResult;
