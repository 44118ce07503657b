/**
 * The synthetic citizens the reference municipality knows, built lazily (the heavy one takes a
 * moment) and cached per anchor day.
 */
import type { BuildContext, CitizenDataset } from './dataset';
import { buildLea, buildMette, LEA_ID, METTE_ID } from './personas/family';
import { buildFreja, FREJA_ID } from './personas/freja';
import { buildHeavy, HEAVY_ID, type HeavyOptions } from './personas/heavy';
import { buildInger, buildLone, buildSigne, INGER_ID, LONE_ID, SIGNE_ID } from './personas/representatives';
import { buildThomas, THOMAS_ID } from './personas/thomas';

export interface PersonaInfo {
  readonly id: string;
  /** Shown on the sign-in page. */
  readonly label: string;
  readonly description: string;
  /** False for young children: only a parent can sign in for them. */
  readonly selfSignIn: boolean;
}

export const PERSONAS: readonly PersonaInfo[] = [
  { id: THOMAS_ID, label: 'Thomas Nørgaard Jensen', description: 'Kontanthjælp, befordringsgodtgørelse, rehabilitering og en advokat', selfSignIn: true },
  { id: FREJA_ID, label: 'Freja Holm Madsen (16 år)', description: 'Ung med MitID – ser kun det, reglerne for unge tillader', selfSignIn: true },
  { id: METTE_ID, label: 'Mette Kjær Olsen', description: 'Forælder – kan også logge ind på vegne af datteren Lea', selfSignIn: true },
  { id: LEA_ID, label: 'Lea Kjær Olsen (5 måneder)', description: 'Barn – kun via forælder', selfSignIn: false },
  { id: SIGNE_ID, label: 'Signe Nørgaard Holt', description: 'Thomas\u2019 søster – har fuldmagt til hans aftaler og betalinger', selfSignIn: true },
  {
    id: INGER_ID,
    label: 'Inger Vestergaard (86 år)',
    description: 'Hjemmehjælp, personligt tillæg og genoptræning – har givet Lone fuldmagt',
    selfSignIn: true,
  },
  { id: LONE_ID, label: 'Lone Dahl', description: 'Støtteperson – har fuldmagt til alt hos Inger undtagen sundhed', selfSignIn: true },
  { id: HEAVY_ID, label: 'Henrik Brandt Nielsen', description: 'Tung testborger: 10 års data til ydelsestest', selfSignIn: true },
];

export class CitizenCatalog {
  private readonly cache = new Map<string, CitizenDataset>();

  constructor(
    private readonly ctx: BuildContext,
    private readonly heavy: HeavyOptions = {},
  ) {}

  has(id: string): boolean {
    return PERSONAS.some((p) => p.id === id);
  }

  get(id: string): CitizenDataset {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const built = this.build(id);
    this.cache.set(id, built);
    return built;
  }

  private build(id: string): CitizenDataset {
    switch (id) {
      case THOMAS_ID:
        return buildThomas(this.ctx);
      case FREJA_ID:
        return buildFreja(this.ctx);
      case METTE_ID:
        return buildMette(this.ctx);
      case LEA_ID:
        return buildLea(this.ctx);
      case SIGNE_ID:
        return buildSigne(this.ctx);
      case INGER_ID:
        return buildInger(this.ctx);
      case LONE_ID:
        return buildLone(this.ctx);
      case HEAVY_ID:
        return buildHeavy(this.ctx, this.heavy);
      default:
        throw new RangeError(`unknown citizen ${id}`);
    }
  }
}
