// Everyday collocations of written Vietnamese, beyond the report genre's own vocabulary: what
// lets repair tell "cập nhật" from "cấp nhất" and "vào" from "và" in any sentence. Written for
// tonghop. One phrase per line; commas split phrases.
const PHRASES = `
cập nhật, cập nhật thông tin, cập nhật dữ liệu, thường xuyên cập nhật
đi vào, đưa vào, vào hệ thống, nhập vào, tham gia vào, góp phần vào, tập trung vào
hộ gia đình, hộ nghèo, hộ cận nghèo, hộ dân, hộ kinh doanh cá thể, số hộ
phí, lệ phí, phí và lệ phí, thu phí, miễn phí, chi phí
ngân hàng, tài khoản ngân hàng, ví điện tử, thẻ ngân hàng, mã qr, chuyển khoản
ở, ở xa, ở cơ sở, ở địa phương, nơi ở, chỗ ở, sinh sống, cư trú
gây, gây ra, gây khó khăn, gây ảnh hưởng, gây mất, gây lãng phí
cài đặt, cài đặt ứng dụng, cài đặt phần mềm, tải về, đăng ký, đăng nhập, tài khoản
mỏng, mỏng và yếu, còn mỏng, còn yếu, còn thiếu, còn ít, còn chậm, còn nhiều
phần lớn, phần nhỏ, một phần, phần trăm, phần việc, phần mềm, bộ phận
bài bản, bài học, bài học kinh nghiệm, kinh nghiệm, rút kinh nghiệm
về, về việc, về công tác, về kết quả, trở về, liên quan về, về mặt
quy trình, quy định, quy chế, quy hoạch, quy mô, quy chuẩn, theo quy định
bảo vệ, bảo vệ dữ liệu, bảo vệ môi trường, bảo quản, bảo dưỡng, bảo hành
yếu, yếu kém, yếu tố, chủ yếu, thiết yếu, cốt yếu
trích, trích dẫn, trích từ, trích lập, trích xuất
chi thường xuyên, chi đầu tư, chi trả, chi tiêu, dự toán, quyết toán, tạm ứng
phấn đấu, phấn khởi, nỗ lực, quyết tâm, cố gắng
mười, mươi, hai mươi, ba mươi, năm mươi, tám mươi, một trăm, phần trăm
nộp, nộp hồ sơ, nộp trực tuyến, nộp qua, nộp thuế, nộp báo cáo, nộp về
qua, thông qua, qua mạng, qua đó, đi qua, trải qua, vừa qua, thời gian qua, năm qua
hàng năm, hàng tháng, hàng quý, hàng tuần, hàng ngày, hàng hóa, mặt hàng, khách hàng
nhất, nhất là, thống nhất, duy nhất, đầu tiên, cuối cùng, hàng đầu
ít nhất, nhiều nhất, cao nhất, thấp nhất, tốt nhất, sớm nhất, chậm nhất
sớm, sớm hơn, kịp, kịp thời, đúng lúc, muộn
dân số, dân tộc, dân chủ, dân sinh, dân vận, dân quân, người dân, bà con
đoàn viên, đoàn viên thanh niên, hội viên, đảng viên, thành viên, ủy viên
tổ chức, tổ chức đoàn thể, đoàn thể, chính trị, chính trị xã hội
cá nhân, dữ liệu cá nhân, thông tin cá nhân, cá thể, tập thể
liên thông, liên kết, liên lạc, liên tục, liên ngành, liên quan
giữa các, giữa, ở giữa, trung gian, trung tâm, trung bình
chuyên ngành, chuyên đề, chuyên gia, chuyên sâu, chuyên viên, chuyên dùng
sử dụng, sử dụng thành thạo, thành thạo, làm quen, quen, chưa quen, thói quen
mới, mới nhất, đổi mới, mới đây, gần đây, trước đây, sau đây, dưới đây, như đây
tháng đầu năm, đầu năm, cuối năm, giữa năm, cả năm, trong năm, năm nay, năm sau
hội nghị, hội thảo, hội thi, hội đồng, hội viên, xã hội, cơ hội
lớp học, lớp bồi dưỡng, khóa học, khóa đào tạo, giáo viên, học sinh, nhà trường
điện thoại, điện thoại di động, máy tính bảng, máy in, máy photo, máy quét, máy chiếu
ổn định, không ổn định, chưa ổn định, ổn định và, bền vững, vững chắc
tâm, trọng tâm, trung tâm, quan tâm, tâm lý, yên tâm, an tâm, tâm huyết
tám, chín, bảy, sáu, năm, bốn, ba, hai, một, mười một, mười hai
đạo, lãnh đạo, chỉ đạo, đạo đức, chủ đạo, đạo tạo
đào, đào tạo, đào tạo lại
trình, trình độ, chương trình, tờ trình, quá trình, công trình, trình bày, trình duyệt
bản, văn bản, cơ bản, phiên bản, bản sao, bản chính, biên bản, bản đồ, bản thân
ban, ban hành, ban ngành, ủy ban, ban chỉ đạo, ban quản lý, trưởng ban, phó ban
hồ, hồ sơ, hồ chứa, đồng hồ
vệ, vệ sinh, bảo vệ, vệ tinh, tự vệ
lý, quản lý, xử lý, hợp lý, pháp lý, tâm lý, lý do, lý luận
người, mọi người, nhiều người, người làm, người đứng đầu, người thực hiện
làm, làm việc, việc làm, làm tốt, thực hiện, làm rõ, làm chủ
có, có thể, đã có, chưa có, không có, có nhiều, có ít, có được
không, không có, không được, không phải, không chỉ, không còn, không ngừng
nơi, nhiều nơi, một số nơi, có nơi, nơi làm việc, mọi nơi
sóng, có sóng, phủ sóng, sóng điện thoại, sóng yếu, vùng lõm sóng, mất sóng
mạng, hạ tầng mạng, mạng viễn thông, mạng cáp quang, nhà mạng, vùng cao, vùng thấp, vùng núi
phân tán, dân cư phân tán, phân bố, phân loại, phân cấp, phân quyền
nguồn lực, nguồn lực đầu tư, nguồn lực hạn chế, huy động nguồn lực
hỗ trợ, hỗ trợ tập huấn, hỗ trợ kinh phí, hỗ trợ kỹ thuật, được hỗ trợ
được, được giao, được cấp, được đầu tư, được bố trí, được triển khai, được tổ chức
`;

export const GENERAL_PHRASES: readonly string[] = PHRASES.trim().split('\n');
