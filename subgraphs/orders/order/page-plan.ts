import { JD_MAX_PAGE_SIZE } from '../../../jd/protocol';

/** The JD pages (1-based) of size `pageSize` that cover orders [offset, offset + count). */
export interface PagePlan {
  pageSize: number;
  pages: number[];
  /** Index inside the concatenated pages where the wanted window starts. */
  skip: number;
}

/**
 * JD pages by (page, page_size ≤ 100), the graph by (offset, count ≤ 100). When the offset is a
 * multiple of count (the usual forward paging) one exact JD page answers; otherwise two 100-order
 * pages always cover the window.
 */
export function planPages(offset: number, count: number): PagePlan {
  if (count < 1 || count > JD_MAX_PAGE_SIZE) throw new RangeError(`count must be 1..${JD_MAX_PAGE_SIZE}, got ${count}`);
  if (offset % count === 0) return { pageSize: count, pages: [offset / count + 1], skip: 0 };
  const pageSize = JD_MAX_PAGE_SIZE;
  const first = Math.floor(offset / pageSize);
  const last = Math.floor((offset + count - 1) / pageSize);
  const pages = first === last ? [first + 1] : [first + 1, last + 1];
  return { pageSize, pages, skip: offset - first * pageSize };
}
