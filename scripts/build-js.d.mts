/** The folder the sources are transpiled into (out/js). */
export declare const JS_DIR: string;
/** Transpiles electron/ and test/support/ into out/js, one file per source. */
export declare function buildJs(): Promise<void>;
