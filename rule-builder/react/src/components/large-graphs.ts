/**
 * From this many nodes a canvas keeps only the nodes and arrows in view in the page (React Flow's
 * `onlyRenderVisibleElements`, the rest follow as they are panned into view): a 500-node workflow
 * then opens in about half the time, and most of it is off screen anyway. Smaller workflows keep
 * every node in the page, where keyboard navigation and tests find them.
 */
export const RENDER_VISIBLE_ONLY_FROM = 200;
