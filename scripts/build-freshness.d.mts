// Types of build-freshness.mjs, for the benchmark and the unit tests.
export declare const projectRoot: string;
export declare const buildSources: string[];
export declare function newestMtime(entry: string): number;
export declare function needsBuild(options: { outputFiles: string[]; sources?: string[] }): boolean;
