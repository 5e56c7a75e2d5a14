// The SVG user-space point under a mouse position: brushing on the dashboard's SVG charts needs chart coordinates,
// which depend on how the browser scaled the viewBox, so the conversion runs here.
export function toSvgPoint(svg, clientX, clientY) {
    const matrix = svg?.getScreenCTM();
    if (!matrix) {
        return null;
    }
    const point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    const user = point.matrixTransform(matrix.inverse());
    return [user.x, user.y];
}
