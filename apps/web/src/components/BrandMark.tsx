import './BrandMark.css';

export function BrandMark() {
  return (
    <span className="brand-mark">
      <span className="brand-mark__logo" aria-hidden="true" />
      <span className="brand-mark__name">Baton</span>
    </span>
  );
}
