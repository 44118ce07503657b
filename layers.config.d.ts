export interface Area {
  dir: string;
  uses: readonly string[];
  gates?: readonly { module: string; for: readonly string[] }[];
  note?: string;
}
export declare const areas: Readonly<Record<string, Area>>;
export declare function areaOf(path: string): string | null;
export declare function allowedAreas(name: string): Set<string>;
export declare function layerViolation(from: string, target: string): string | null;
