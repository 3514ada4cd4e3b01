// The city's map: one SVG path per cell, drawn from the cells' own shapes (no map tiles), coloured by a scheme,
// zoomed with the wheel and moved by dragging. A click (not a drag) selects a cell.

import { neutral } from './colours.js';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 1000;

export class CityMap extends EventTarget {
  constructor(svg) {
    super();
    this.svg = svg;
    this.paths = new Map();
    this.selected = null;
    this.viewBox = null;
    this.home = null;
    this.listen();
  }

  // Draws the cells (listings with their boundary rings) projected equirectangularly around the city's middle.
  draw(cells) {
    let south = 90, north = -90, west = 180, east = -180;
    for (const p of cells.flatMap(c => c.boundary.flatMap(r => r.points))) {
      south = Math.min(south, p.latitude); north = Math.max(north, p.latitude);
      west = Math.min(west, p.longitude); east = Math.max(east, p.longitude);
    }
    const shrink = Math.cos(((south + north) / 2) * Math.PI / 180);
    const scale = width / Math.max((east - west) * shrink, 1e-9);
    const x = p => ((p.longitude - west) * shrink * scale).toFixed(2);
    const y = p => ((north - p.latitude) * scale).toFixed(2);
    const height = (north - south) * scale;

    const layer = document.createElementNS(svgNs, 'g');
    this.paths.clear();
    for (const cell of cells) {
      const path = document.createElementNS(svgNs, 'path');
      path.setAttribute('d', cell.boundary.map(r => 'M' + r.points.map(p => `${x(p)},${y(p)}`).join('L') + 'Z').join(''));
      path.setAttribute('fill', neutral);
      path.dataset.cell = cell.cellId;
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = cell.cellId;
      path.append(title);
      layer.append(path);
      this.paths.set(cell.cellId, path);
    }
    this.svg.replaceChildren(layer);
    this.home = [0, 0, width, Math.max(height, 1)];
    this.setViewBox(this.home);
  }

  paint(cellId, colour, tooltip) {
    const path = this.paths.get(cellId);
    if (!path) return;
    path.setAttribute('fill', colour);
    path.firstChild.textContent = tooltip;
  }

  select(cellId) {
    this.selected?.classList.remove('selected');
    this.selected = this.paths.get(cellId) ?? null;
    if (!this.selected) return;
    this.selected.classList.add('selected');
    // Last in the layer, so its outline is drawn above its neighbours'.
    this.selected.parentNode.append(this.selected);
  }

  // Where a cell is on the screen, for tests and for scrolling it into view.
  screenCentreOf(cellId) {
    const box = this.paths.get(cellId)?.getBoundingClientRect();
    return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
  }

  resetView() {
    if (this.home) this.setViewBox(this.home);
  }

  // Fits the view to these cells (an area's), with a margin.
  zoomTo(cellIds) {
    let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
    for (const cellId of cellIds) {
      const box = this.paths.get(cellId)?.getBBox();
      if (!box) continue;
      left = Math.min(left, box.x); top = Math.min(top, box.y);
      right = Math.max(right, box.x + box.width); bottom = Math.max(bottom, box.y + box.height);
    }
    if (left === Infinity) return;
    const margin = Math.max(right - left, bottom - top) * 0.05;
    this.setViewBox([left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin]);
  }

  setViewBox(box) {
    this.viewBox = box;
    this.svg.setAttribute('viewBox', box.join(' '));
  }

  listen() {
    let drag = null;
    this.svg.addEventListener('pointerdown', e => {
      drag = { x: e.clientX, y: e.clientY, box: this.viewBox, moved: false };
    });
    this.svg.addEventListener('pointermove', e => {
      if (!drag || !this.viewBox) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) this.svg.setPointerCapture(e.pointerId);
      drag.moved = true;
      const perPixel = this.unitsPerPixel();
      this.setViewBox([drag.box[0] - dx * perPixel, drag.box[1] - dy * perPixel, drag.box[2], drag.box[3]]);
    });
    this.svg.addEventListener('pointerup', e => {
      const wasDrag = drag?.moved;
      drag = null;
      if (wasDrag) return;
      const cellId = e.target.closest?.('path')?.dataset.cell;
      if (cellId) this.dispatchEvent(new CustomEvent('cellclick', { detail: cellId }));
    });
    this.svg.addEventListener('wheel', e => {
      if (!this.viewBox) return;
      e.preventDefault();
      const factor = e.deltaY > 0 ? 1.25 : 0.8;
      const rect = this.svg.getBoundingClientRect();
      const perPixel = this.unitsPerPixel();
      // Keep the point under the pointer where it is.
      const [bx, by, bw, bh] = this.viewBox;
      const ox = (rect.width - bw / perPixel) / 2, oy = (rect.height - bh / perPixel) / 2;
      const px = bx + (e.clientX - rect.left - ox) * perPixel, py = by + (e.clientY - rect.top - oy) * perPixel;
      this.setViewBox([px - (px - bx) * factor, py - (py - by) * factor, bw * factor, bh * factor]);
    }, { passive: false });
  }

  // The drawing's units per screen pixel, with the viewBox fitted (meet) into the element.
  unitsPerPixel() {
    const rect = this.svg.getBoundingClientRect();
    return Math.max(this.viewBox[2] / rect.width, this.viewBox[3] / rect.height);
  }
}
