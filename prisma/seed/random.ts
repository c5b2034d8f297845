/** Deterministic randomness and fictional names, so the demo is identical on every run. */

// ---------------------------------------------------------------- deterministic randomness

/** mulberry32: tiny, fast, good enough for demo data, and identical on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  /** A shuffled deck holding each key `count` times. */
  deck<K extends string>(counts: Record<K, number>): K[] {
    const cards: K[] = [];
    for (const [key, n] of Object.entries(counts) as [K, number][]) for (let i = 0; i < n; i++) cards.push(key);
    return this.shuffle(cards);
  }
}

export const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "周",
  "吴",
  "徐",
  "孙",
  "朱",
  "胡",
  "高",
  "钱",
  "顾",
  "华",
  "蒋",
  "沈",
  "陆",
  "秦",
  "缪",
  "过",
  "尤",
  "浦",
  "许",
  "邹",
];
export const GIVEN = [
  "建华",
  "卫东",
  "晓峰",
  "立新",
  "海燕",
  "志强",
  "文斌",
  "丽萍",
  "国平",
  "建军",
  "晓东",
  "红梅",
  "明",
  "伟",
  "敏",
  "静",
  "磊",
  "勇",
  "俊杰",
  "雪芳",
  "宏伟",
  "亚萍",
  "振宇",
  "佳琪",
  "凯",
  "永康",
  "秀英",
  "新民",
];
export const FIRM_A = ["恒", "宏", "永", "华", "金", "新", "振", "通", "瑞", "博", "盛", "裕"];
export const FIRM_B = ["达", "盛", "兴", "鑫", "源", "泰", "利", "昌", "丰", "德", "诚", "海"];

export const personName = (r: Rng) => r.pick(SURNAMES) + r.pick(GIVEN);
export const landline = (r: Rng) => `0510-8${String(r.int(0, 9_999_999)).padStart(7, "0")}`;
