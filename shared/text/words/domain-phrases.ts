// Phrases of the reports communes send on science, technology, innovation and digital
// transformation, written for tonghop from the genre's vocabulary (Nghị định 30/2020 layout,
// Nghị quyết 57-NQ/TW, Nghị quyết 107/NQ-CP). One phrase per line; commas split phrases too.
// The word model learns which syllables follow which from them.
const PHRASES = `
cộng hòa xã hội chủ nghĩa việt nam
độc lập, tự do, hạnh phúc
ủy ban nhân dân, hội đồng nhân dân, ủy ban nhân dân tỉnh, ủy ban nhân dân xã, ủy ban nhân dân phường
ủy ban nhân dân đặc khu, đặc khu, thị trấn
báo cáo kết quả thực hiện, báo cáo kết quả triển khai thực hiện
kết quả thực hiện chuyển đổi số, kết quả triển khai
chuyển đổi số, chuyển đổi số quốc gia, chính quyền số, kinh tế số, xã hội số, công dân số
khoa học, công nghệ, đổi mới sáng tạo, khoa học và công nghệ, khoa học công nghệ
phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia
sở khoa học và công nghệ, sở tài chính, sở nội vụ, công an tỉnh, công an xã
kính gửi, nơi nhận, như trên, lưu văn thư, lưu vt
tm. ủy ban nhân dân, kt. chủ tịch, phó chủ tịch, chủ tịch ủy ban nhân dân
thực hiện công văn số, thực hiện kế hoạch số, căn cứ nghị quyết số, căn cứ quyết định số
thực hiện nghị quyết, thực hiện chỉ thị, thực hiện hướng dẫn
về việc báo cáo, với các nội dung như sau, như sau
đánh giá chung, tình hình triển khai, tình hình thực hiện, kết quả đạt được
công tác chỉ đạo, điều hành, công tác lãnh đạo, chỉ đạo
công tác tuyên truyền, quán triệt, phổ biến, nâng cao nhận thức, nâng cao trách nhiệm
nhận thức, trách nhiệm, người đứng đầu, cấp ủy, chính quyền, các cấp
ban chỉ đạo, tổ công tác, tổ giúp việc, tổ công nghệ số cộng đồng
ban hành văn bản, ban hành kế hoạch, văn bản chỉ đạo, văn bản hướng dẫn
kế hoạch triển khai, chương trình hành động, đề án, dự án, nhiệm vụ
cơ quan, đơn vị, địa phương, trên địa bàn, trên địa bàn xã, trên địa bàn tỉnh
hạ tầng số, hạ tầng kỹ thuật, hạ tầng viễn thông, hạ tầng công nghệ thông tin
công nghệ thông tin, ứng dụng công nghệ thông tin, an toàn thông tin, an ninh mạng
mạng internet, đường truyền, cáp quang, sóng di động, mạng di động, trạm phát sóng
máy vi tính, máy tính, máy chủ, máy in, máy quét, thiết bị, trang thiết bị, thiết bị đầu cuối
phần mềm, hệ thống thông tin, cơ sở dữ liệu, dữ liệu số, kho dữ liệu, dữ liệu dân cư
cơ sở dữ liệu quốc gia về dân cư, cơ sở dữ liệu chuyên ngành
hệ thống quản lý văn bản và điều hành, văn bản điện tử, chữ ký số, chứng thư số
hồ sơ công việc, hồ sơ điện tử, lưu trữ điện tử
dịch vụ công trực tuyến, dịch vụ công trực tuyến toàn trình, dịch vụ công trực tuyến một phần
cổng dịch vụ công quốc gia, cổng dịch vụ công, hệ thống thông tin giải quyết thủ tục hành chính
thủ tục hành chính, cải cách hành chính, một cửa, bộ phận một cửa, trung tâm phục vụ hành chính công
hồ sơ thủ tục hành chính, tiếp nhận và giải quyết, đã giải quyết, đang giải quyết
giải quyết đúng hạn, trước hạn, quá hạn, đúng và trước hạn
số hóa, số hóa hồ sơ, số hóa kết quả giải quyết, số hóa thành phần hồ sơ, tái sử dụng
tỷ lệ, đạt tỷ lệ, tổng số, trong đó, so với cùng kỳ, cùng kỳ năm trước, tăng so với
căn cước công dân, thẻ căn cước, căn cước, định danh điện tử, tài khoản định danh điện tử
kích hoạt tài khoản, thu nhận hồ sơ, cấp căn cước, đề án 06
thanh toán không dùng tiền mặt, thanh toán trực tuyến, chi trả không dùng tiền mặt
an sinh xã hội, chi trả an sinh xã hội, người có công, bảo hiểm xã hội, bảo hiểm y tế
người trưởng thành, dịch vụ số, điện thoại thông minh, kỹ năng số, bình dân học vụ số
phổ cập kỹ năng số, tập huấn kỹ năng số, lớp tập huấn, lượt người, học viên
nền tảng số, ứng dụng, ứng dụng di động, trang thông tin điện tử, cổng thông tin điện tử
thương mại điện tử, sàn thương mại điện tử, sản phẩm ocop, nông sản, hộ kinh doanh
doanh nghiệp, hợp tác xã, người dân, doanh nghiệp và người dân, tổ chức và cá nhân
camera giám sát, an ninh trật tự, hệ thống camera, loa truyền thanh thông minh
đài truyền thanh, truyền thanh cơ sở, hệ thống truyền thanh, thông tin cơ sở
khó khăn, vướng mắc, khó khăn vướng mắc, tồn tại, hạn chế, tồn tại hạn chế
nguyên nhân, nguyên nhân chủ quan, nguyên nhân khách quan
đề xuất, kiến nghị, đề xuất kiến nghị, giải pháp, nhiệm vụ giải pháp
phương hướng, nhiệm vụ trọng tâm, thời gian tới, trong thời gian tới, phương hướng nhiệm vụ
định hướng, mục tiêu, chỉ tiêu, kế hoạch năm, sáu tháng đầu năm, sáu tháng cuối năm
tổ chức thực hiện, phân công, trách nhiệm thực hiện, phối hợp, phối hợp thực hiện
cán bộ, công chức, viên chức, cán bộ công chức, người lao động, người hoạt động không chuyên trách
cán bộ chuyên trách, chuyên trách, kiêm nhiệm, cán bộ kiêm nhiệm, nhân lực, nguồn nhân lực
trình độ chuyên môn, chuyên môn, nghiệp vụ, năng lực, kỹ năng, trình độ
thiếu cán bộ chuyên trách, thiếu nhân lực, thiếu kinh phí, thiếu thiết bị
còn hạn chế, chưa đáp ứng, chưa đáp ứng yêu cầu, chưa đồng bộ, chưa kết nối, chưa được
đáp ứng yêu cầu, đáp ứng nhu cầu, yêu cầu nhiệm vụ, nhu cầu
kinh phí, nguồn kinh phí, bố trí kinh phí, ngân sách, ngân sách nhà nước, ngân sách địa phương
kinh phí thực hiện, kinh phí đầu tư, vốn đầu tư, nguồn vốn, tài chính, chi phí
đầu tư, đầu tư hạ tầng, mua sắm, mua sắm thiết bị, nâng cấp, cải tạo, sửa chữa
hỗ trợ, đề nghị hỗ trợ, quan tâm hỗ trợ, bố trí, quan tâm bố trí, tạo điều kiện
đề nghị sở, đề nghị ủy ban nhân dân tỉnh, đề nghị cấp trên, các sở ngành
sở ngành, cấp tỉnh, cấp xã, cấp huyện, chính quyền địa phương hai cấp, hai cấp
sắp xếp đơn vị hành chính, sáp nhập, hợp nhất, sau sắp xếp, sau sáp nhập
mô hình chính quyền, bộ máy, tổ chức bộ máy, chức năng nhiệm vụ, cơ cấu tổ chức
địa bàn rộng, vùng sâu vùng xa, miền núi, đồng bào dân tộc thiểu số, dân tộc thiểu số
người cao tuổi, người dân còn hạn chế, thói quen, tâm lý, điều kiện kinh tế
nghiên cứu khoa học, đề tài, sáng kiến, sở hữu trí tuệ, tiêu chuẩn đo lường chất lượng
khởi nghiệp, đổi mới sáng tạo, chuyển giao công nghệ, ứng dụng khoa học công nghệ
trí thức, đội ngũ trí thức, phát huy vai trò, đội ngũ cán bộ
nông thôn mới, nông thôn mới nâng cao, nông nghiệp, sản xuất nông nghiệp
y tế, giáo dục, đào tạo, văn hóa, thể thao, du lịch, môi trường, tài nguyên
trường học, trạm y tế, bệnh án điện tử, sổ sức khỏe điện tử, học bạ số
kết quả cụ thể, cụ thể như sau, như sau, số liệu, số liệu cụ thể, phụ lục kèm theo
trên đây là báo cáo, trên đây là báo cáo kết quả, kính báo cáo, trân trọng
bước đầu, cơ bản, kịp thời, hiệu quả, thiết thực, đồng bộ, thống nhất
đã triển khai, đã thực hiện, đã ban hành, đã tổ chức, đã cấp, đã kích hoạt
tiếp tục triển khai, tiếp tục thực hiện, đẩy mạnh, tăng cường, nâng cao hiệu quả
chưa có, chưa được đầu tư, chưa được trang bị, xuống cấp, lạc hậu, cấu hình thấp
đường truyền chậm, chập chờn, không ổn định, mất kết nối, tốc độ
văn phòng ủy ban nhân dân, văn phòng hội đồng nhân dân và ủy ban nhân dân
phòng văn hóa xã hội, phòng kinh tế, phòng kinh tế hạ tầng và đô thị
trung tâm phục vụ hành chính công, bộ phận tiếp nhận và trả kết quả
nghị quyết số, chỉ thị số, quyết định số, kế hoạch số, công văn số, thông tư số, nghị định số
ban chấp hành trung ương, bộ chính trị, chính phủ, thủ tướng chính phủ, tỉnh ủy, đảng ủy
ban thường vụ, thường trực, ban thường vụ tỉnh ủy, mặt trận tổ quốc
chủ tịch, phó chủ tịch, bí thư, phó bí thư, công chức văn phòng thống kê
văn hóa xã hội, địa chính xây dựng, tư pháp hộ tịch, tài chính kế toán
đồng thời, tuy nhiên, bên cạnh đó, ngoài ra, do đó, vì vậy, trong đó, cụ thể, nhìn chung
ngày tháng năm, ngày, tháng, năm, từ ngày, đến ngày, đến nay, hiện nay, tính đến ngày
chuẩn bị, bảo đảm, đảm bảo, thường xuyên, kịp thời, chủ động, tích cực, nghiêm túc
chương trình hành động số, ban thường vụ tỉnh ủy, tỉnh ủy về, của tỉnh ủy, của chính phủ
của ủy ban nhân dân tỉnh, của sở khoa học và công nghệ, của ban chấp hành trung ương
các nội dung, nội dung cơ bản, cơ bản, cơ sở, trên cơ sở, làm cơ sở
chồng chéo, rà soát, rà soát lại, điều chỉnh, bổ sung, sửa đổi, thay thế
giao ban, hội nghị, cuộc họp, họp giao ban, hội nghị chuyên đề, sinh hoạt chuyên đề
các kênh thông tin, kênh thông tin, nội bộ, mạng xã hội, nhóm zalo, trang fanpage
đạt yêu cầu, chưa đạt yêu cầu, góp ý, phản biện, tham gia góp ý, tham gia
chiều sâu, còn hạn chế về, hạn chế về, chưa tổ chức được, chưa ban hành được
được thực hiện thông qua, thông qua, cán bộ, công chức, người hoạt động không chuyên trách
giai đoạn, trong giai đoạn, giai đoạn mới, bền vững, nhanh và bền vững, phát triển đất nước
yêu cầu phát triển, đáp ứng yêu cầu phát triển, đất nước, vai trò, phát huy
nhân dân, toàn dân, cộng đồng, cộng đồng dân cư, khu dân cư, thôn, tổ dân phố
người có uy tín, già làng, trưởng bản, trưởng thôn, tổ trưởng tổ dân phố
`;

// Personal names: a family name, then a middle name; signers' names are what the officer reads.
const FAMILY =
  'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đinh trịnh lương';
const MIDDLE = 'văn thị hữu đức minh thanh quang hồng ngọc xuân thu đình công quốc bá ngọc kim';
const NAMES = FAMILY.split(' ').flatMap((f) => MIDDLE.split(' ').map((m) => `${f} ${m}`));

export const DOMAIN_PHRASES: readonly string[] = [...PHRASES.trim().split('\n'), ...NAMES];
