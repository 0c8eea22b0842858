/** The Debian packages the layer is built from (their dependencies are added). */
export declare const PACKAGES: string[];
export declare const SUITE: string;
export declare const MIRROR: string;
/** The packages named by `apt-cache depends --recurse` output, installer tools left out. */
export declare function closure(dependsOutput: string): string[];
